import { randomBytes } from "node:crypto";

export interface FilePart {
  name: string;
  /** What the browser would send as the part's Content-Type (it guesses from the extension). */
  type?: string;
  /** The first bytes (the signature a content check reads); the rest up to `size` is filler. */
  head: Uint8Array;
  size?: number;
}

const CRLF = "\r\n";

/**
 * A multipart/form-data body as a browser sends it, produced as it is read: a 51 MB body costs the test no
 * memory. `declareLength: false` leaves out Content-Length (a chunked upload), so only the streaming limit can stop it.
 */
export function multipartRequest(url: string, fields: Record<string, string>, file: FilePart | null, options: { declareLength?: boolean } = {}): Request {
  const boundary = `----feijian${randomBytes(8).toString("hex")}`;
  const fieldParts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}${CRLF}Content-Disposition: form-data; name="${name}"${CRLF}${CRLF}${value}${CRLF}`));
  const fileHeader = file ? Buffer.from(`--${boundary}${CRLF}Content-Disposition: form-data; name="file"; filename="${file.name}"${CRLF}Content-Type: ${file.type ?? "application/octet-stream"}${CRLF}${CRLF}`) : Buffer.alloc(0);
  const size = file ? (file.size ?? file.head.byteLength) : 0;
  const closing = Buffer.from(`${file ? CRLF : ""}--${boundary}--${CRLF}`);
  const length = fieldParts.reduce((sum, part) => sum + part.byteLength, 0) + fileHeader.byteLength + size + closing.byteLength;

  const filler = Buffer.alloc(256 * 1024, 0x20);
  const pieces = function* () {
    yield* fieldParts;
    if (file) {
      yield fileHeader;
      const head = Buffer.from(file.head).subarray(0, size);
      yield head;
      for (let sent = head.byteLength; sent < size; sent += filler.byteLength) yield filler.subarray(0, Math.min(filler.byteLength, size - sent));
    }
    yield closing;
  };
  const iterator = pieces();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(new Uint8Array(next.value));
    },
  });
  const headers: Record<string, string> = { "content-type": `multipart/form-data; boundary=${boundary}` };
  if (options.declareLength !== false) headers["content-length"] = String(length);
  return new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

/** Signatures of real files, as their first bytes. */
export const HEADS = {
  jpeg: Buffer.from("ffd8ffe000104a46494600010101004800480000", "hex"),
  pdf: Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "latin1"),
  /** A Windows program (MZ … PE), as an .exe renamed to anything else. */
  exe: Buffer.concat([Buffer.from("4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000000000000000000000000000000000000000000000000000800000000e1fba0e00b409cd21b8014ccd21546869732070726f6772616d2063616e6e6f742062652072756e20696e20444f53206d6f64652e0d0d0a2400000000000000", "hex"), Buffer.from("50450000", "hex"), Buffer.alloc(64)]),
};
