// A small S3-compatible server on 127.0.0.1 for the backup tests: path-style PutObject and
// HeadObject, objects kept in memory. Signatures are not checked; `refuse` answers every
// request 403 AccessDenied, as a bucket policy that forbids the upload would.
import { createHash } from 'node:crypto';
import http from 'node:http';

export async function startFakeS3({ refuse = false } = {}) {
  const objects = new Map();
  const requests = [];
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const key = decodeURIComponent(new URL(request.url, 'http://s3').pathname.slice(1));
      requests.push({ method: request.method, key, headers: request.headers });
      if (refuse) {
        response.writeHead(403, { 'content-type': 'application/xml' });
        return response.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
      }
      if (request.method === 'PUT') {
        const body = Buffer.concat(chunks);
        objects.set(key, body);
        response.writeHead(200, { etag: `"${createHash('md5').update(body).digest('hex')}"` });
        return response.end();
      }
      if (request.method === 'HEAD' && objects.has(key)) {
        response.writeHead(200, { 'content-length': objects.get(key).length, 'content-type': 'application/octet-stream' });
        return response.end();
      }
      response.writeHead(404, { 'content-type': 'application/xml' });
      response.end(request.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code></Error>');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${server.address().port}`,
    objects,
    requests,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}
