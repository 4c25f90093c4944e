/**
 * nestjs-zod 5.5 with zod ≥ 4.5 describes a bare nullable field (`z.string().nullable()`) as
 * `type: ["string", "null"]`; @nestjs/swagger then reads a top-level one as an array of strings,
 * and nested ones stay as a type list, which OpenAPI 3.0 does not allow (nestjs-zod issue #473).
 * This rewrites both into the 3.0 form `{ type: "string", nullable: true }`. Run it on the document
 * from `SwaggerModule.createDocument`, before `cleanupOpenApiDoc` removes the marker it relies on.
 */
const EMPTY_TYPE_MARKER = 'x-nestjs_zod-empty-type';

export function fixBareNullables<T>(node: T): T {
  if (Array.isArray(node)) {
    node.forEach(fixBareNullables);
    return node;
  }
  if (!node || typeof node !== 'object') return node;
  const schema = node as Record<string, unknown>;
  const items = schema.items as Record<string, unknown> | undefined;
  // A real array never carries the marker: nestjs-zod adds it only when zod's `type` was not one name.
  if (schema[EMPTY_TYPE_MARKER] && schema.type === 'array' && items && typeof items.type === 'string' && Object.keys(items).length === 1) {
    schema.type = items.type;
    schema.nullable = true;
    delete schema.items;
  } else if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== 'null');
    const nullable = types.length < schema.type.length;
    if (types.length === 1) {
      schema.type = types[0];
      if (nullable) schema.nullable = true;
    }
  }
  for (const value of Object.values(schema)) fixBareNullables(value);
  return node;
}
