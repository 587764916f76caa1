// Types for the parts of the Khronos glTF validator (gltf-validator, plain JS) the tests use.
declare module 'gltf-validator' {
  interface Issues {
    numErrors: number;
    numWarnings: number;
    numInfos: number;
    numHints: number;
    messages: Array<{ code: string; message: string; severity: number; pointer?: string }>;
  }
  const validator: {
    validateBytes(data: Uint8Array, options?: { maxIssues?: number }): Promise<{ issues: Issues }>;
  };
  export default validator;
}
