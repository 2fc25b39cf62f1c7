"use client";
import { useEffect, useRef } from "react";
import "swagger-ui-dist/swagger-ui.css";

/**
 * The OpenAPI document rendered by Swagger UI, bundled with the app from `swagger-ui-dist` (no CDN; its
 * stylesheet names no web font, so nothing is fetched from another host). The online validator badge is off:
 * by default Swagger UI sends the document to validator.swagger.io.
 */
export function ApiReference({ document }: { document: object }) {
  const node = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cancelled = false;
    void import("swagger-ui-dist/swagger-ui-bundle.js").then((module) => {
      const SwaggerUIBundle = (module as { default: (options: Record<string, unknown>) => unknown }).default;
      if (cancelled || !node.current) return;
      SwaggerUIBundle({ domNode: node.current, spec: document, validatorUrl: null, deepLinking: false, docExpansion: "list", defaultModelsExpandDepth: 0, tryItOutEnabled: false });
    });
    return () => {
      cancelled = true;
    };
  }, [document]);
  return <div ref={node} className="swagger-ui-host bg-white" />;
}
