import yauzl from "yauzl";

/**
 * What an uploaded XLSX may unpack to. A genuine 20,000-row import is a few MB of XML in a few
 * dozen parts; a zip bomb is a small file whose parts inflate to gigabytes, which the spreadsheet
 * library would hold in memory (and the process would keep).
 */
export const XLSX_LIMITS = {
  entries: 500,
  /** Sum of the declared uncompressed sizes. */
  totalBytes: 64 * 1024 * 1024,
  /** Parts larger than this must not be compressed more than `ratio` times. */
  ratioFrom: 1024 * 1024,
  ratio: 100,
};

export type ArchiveCheck = { ok: true } | { ok: false; error: string };

const refused: ArchiveCheck = { ok: false, error: "placementEntry.import.errors.archive" };
const unreadable: ArchiveCheck = { ok: false, error: "placementEntry.import.errors.unreadable" };

/**
 * Reads the zip's central directory (count, declared sizes, ratios) without inflating anything,
 * then inflates each part as a stream that is thrown away: yauzl fails a part that yields more than
 * it declared, so a forged directory cannot slip a bomb past the sizes. Memory stays at a few buffers.
 */
export function checkXlsxArchive(data: Uint8Array, limits = XLSX_LIMITS): Promise<ArchiveCheck> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) return resolve(unreadable);
      const finish = (result: ArchiveCheck) => {
        zip.close();
        resolve(result);
      };
      if (zip.entryCount > limits.entries) return finish(refused);
      const entries: yauzl.Entry[] = [];
      let total = 0;
      zip.on("error", () => finish(unreadable));
      zip.on("entry", (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        const tooDense = entry.uncompressedSize > limits.ratioFrom && entry.uncompressedSize > entry.compressedSize * limits.ratio;
        if (total > limits.totalBytes || tooDense) return finish(refused);
        entries.push(entry);
        zip.readEntry();
      });
      zip.on("end", () => void inflateAll(zip, entries).then(finish));
      zip.readEntry();
    });
  });
}

async function inflateAll(zip: yauzl.ZipFile, entries: yauzl.Entry[]): Promise<ArchiveCheck> {
  for (const entry of entries) {
    if (entry.fileName.endsWith("/")) continue;
    const ok = await new Promise<boolean>((resolve) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return resolve(false);
        stream.on("error", () => resolve(false));
        stream.on("end", () => resolve(true));
        stream.resume();
      });
    });
    if (!ok) return refused;
  }
  return { ok: true };
}
