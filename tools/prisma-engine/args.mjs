// Command-line arguments, as the Prisma CLI passes them to a schema engine.
export function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cliCommand: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--datamodels':
        // One or more files follow, up to the next option.
        while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args.datamodels.push(argv[++i]);
        break;
      case '--datasource':
        args.datasource = JSON.parse(argv[++i]);
        break;
      case '--enabled-preview-features':
      case '--extension-types':
        i++; // Accepted for compatibility; the WebAssembly engine reads features from the schema.
        break;
      case '--version':
      case '-V':
        args.version = true;
        break;
      case 'cli':
        args.cliCommand = argv[++i];
        break;
      default:
        throw new Error(`schema-engine bridge: unknown argument ${arg}`);
    }
  }
  return args;
}
