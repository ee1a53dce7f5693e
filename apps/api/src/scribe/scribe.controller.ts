import { Controller, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiAbsent, ApiInvalidInput, ApiSignedIn, LOCATION_HEADER } from '../common/api-docs.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { UuidParam } from '../common/uuid-param.js';
import { Access } from '../identity/access.decorator.js';
import type { AuthenticatedProvider } from '../identity/authenticated-provider.js';
import { CurrentProvider } from '../identity/current-provider.decorator.js';
import { ScribeJobDto } from './dto/scribe-job.dto.js';
import { StartScribeDto } from './dto/start-scribe.dto.js';
import { ScribeService } from './scribe.service.js';

@ApiTags('AI scribe')
@ApiSignedIn()
@Controller()
export class ScribeController {
  constructor(private readonly scribe: ScribeService) {}

  @Post('appointments/:id/scribe')
  @Access('POST /api/v1/appointments/{id}/scribe')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: "Draft the visit's record from its recording or transcript",
    description:
      'Queues a scribe job and answers at once (202, Location: the job). Send either multipart/form-data with one file field `audio` ' +
      '(WAV, MP3, M4A/MP4, WebM or Ogg, read from its first bytes; needs a transcription service) or JSON `{"transcript": "…"}`. ' +
      'The visit must be in progress or completed and its record unsigned. When the job is ready the record is a draft with ' +
      'isAIGenerated true, the transcript, the note fields nobody had written, and the extracted symptoms and prescriptions marked ' +
      'isAIExtracted for review.',
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: StartScribeDto })
  @ApiAcceptedResponse({ type: ScribeJobDto, headers: LOCATION_HEADER })
  @ApiInvalidInput()
  @ApiAbsent('No such appointment')
  @ApiConflictResponse({ type: ErrorResponseDto, description: "A job for this visit is still running, the record is signed, or the visit is not in progress or completed" })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'The recording is larger than SCRIBE_MAX_AUDIO_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'The file is not a recording in a supported format, or the body is neither JSON nor multipart' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'A recording, but no transcription service is configured: send the transcript instead' })
  async startJob(
    @UuidParam('id') appointmentId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentProvider() requester: AuthenticatedProvider,
  ): Promise<ScribeJobDto> {
    const job = await this.scribe.startJob(appointmentId, request, requester);
    void reply.header('Location', `/api/v1/scribe-jobs/${job.id}`);
    return job;
  }

  @Get('scribe-jobs/:jobId')
  @Access('GET /api/v1/scribe-jobs/{jobId}')
  @ApiOperation({ summary: 'A scribe job: where it is on its way to a draft' })
  @ApiOkResponse({ type: ScribeJobDto })
  @ApiInvalidInput('jobId is not a UUID')
  @ApiAbsent('No such job')
  getJob(@UuidParam('jobId') jobId: string): Promise<ScribeJobDto> {
    return this.scribe.getJob(jobId);
  }

  @Get('appointments/:id/scribe-jobs')
  @Access('GET /api/v1/appointments/{id}/scribe-jobs')
  @ApiOperation({ summary: "A visit's scribe jobs, newest first" })
  @ApiOkResponse({ type: [ScribeJobDto] })
  @ApiInvalidInput('id is not a UUID')
  @ApiAbsent('No such appointment')
  listJobs(@UuidParam('id') appointmentId: string): Promise<ScribeJobDto[]> {
    return this.scribe.listJobs(appointmentId);
  }

  @Get('appointments/:appointmentId/record/audio')
  @Access('GET /api/v1/appointments/{appointmentId}/record/audio')
  @ApiOperation({ summary: "The recording the visit's draft was written from", description: 'Served with its own content type, never cached; each read is in the audit trail.' })
  @ApiProduces('audio/wav', 'audio/mpeg', 'audio/mp4', 'audio/webm', 'audio/ogg')
  @ApiOkResponse({ description: 'The recording', schema: { type: 'string', format: 'binary' } })
  @ApiInvalidInput('appointmentId is not a UUID')
  @ApiAbsent('No such appointment, or no recording for it')
  async readRecording(@UuidParam('appointmentId') appointmentId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const recording = await this.scribe.readRecording(appointmentId);
    void reply.header('Content-Type', recording.contentType).header('Cache-Control', 'no-store');
    return Buffer.from(recording.bytes);
  }
}
