// JSON bodies must be UTF-8 (RFC 8259). Fastify's own parser decodes with replacement characters, so a
// name with a broken byte would be stored as "M�LLER" and screened as such; here such a body gets a 400
// and changes nothing. Parsing itself stays Fastify's (with its prototype-poisoning protection).
import type { FastifyInstance } from "fastify";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function registerStrictJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(Object.assign(new Error("the request body is not valid UTF-8"), { statusCode: 400 }), undefined);
      return;
    }
    parseJson(req, text, done);
  });
}
