// Eleventy 3 ships no type declarations; this covers the programmatic API Broadsheet uses.
declare module '@11ty/eleventy' {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    write(): Promise<[Array<{ count?: number }>, unknown[]]>;
  }
}

declare module '@11ty/eleventy-img' {
  interface ImageFunction {
    (src: string, options: Record<string, unknown>): Promise<unknown>;
    generateHTML(metadata: unknown, attributes: Record<string, unknown>): string;
  }
  const Image: ImageFunction;
  export default Image;
}
