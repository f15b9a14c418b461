// Eleventy 3 ships JavaScript without declarations; this covers the programmatic API the build uses.
declare module '@11ty/eleventy' {
  export interface EleventyOptions {
    configPath?: string
    quietMode?: boolean
    config?: (eleventyConfig: { addGlobalData(name: string, value: unknown): void }) => void | Promise<void>
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions)
    write(): Promise<unknown>
    disableLogger(): void
  }
}
