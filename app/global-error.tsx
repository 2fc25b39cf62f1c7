"use client";

// The root layout itself failed, so no catalog is loaded: both languages, plainly.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: "system-ui, sans-serif", textAlign: "center", padding: "6rem 1.5rem" }}>
        <h1>系统繁忙，请稍后重试 / Something went wrong</h1>
        {error.digest ? <p>参考编号 / Reference: <code>{error.digest}</code></p> : null}
      </body>
    </html>
  );
}
