// class-transformer keeps its decorators' metadata here and types it, but does not map the module itself:
// compiled-dto.ts reads the same store the pipe's plainToInstance reads.
declare module 'class-transformer/cjs/storage' {
  export * from 'class-transformer/types/storage';
}
