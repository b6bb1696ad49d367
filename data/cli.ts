// The common frame of a Framework data loader: stdout carries the file, stderr the build log.
// A failing loader must exit non-zero with one clear line, or Framework would ship an empty/partial file.

export async function runLoader(name: string, produce: () => Uint8Array | string): Promise<void> {
  const started = performance.now();
  try {
    const output = produce();
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(output, (error) => (error ? reject(error) : resolve()))
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const mb = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
    process.stderr.write(
      `${name}: wrote ${Buffer.byteLength(output)} bytes in ${seconds} s (rss ${mb} MB)\n`
    );
  } catch (error) {
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
