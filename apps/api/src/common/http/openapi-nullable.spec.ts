import { fixBareNullables } from './openapi-nullable';

const MARKER = 'x-nestjs_zod-empty-type';

describe('fixBareNullables', () => {
  it('turns a bare nullable field that Swagger read as an array back into a nullable string', () => {
    const doc = { properties: { nip: { [MARKER]: true, type: 'array', items: { type: 'string' } } } };
    expect(fixBareNullables(doc).properties.nip).toEqual({ [MARKER]: true, type: 'string', nullable: true });
  });

  it('turns a nested type list into the OpenAPI 3.0 nullable form', () => {
    const doc = { properties: { db: { type: 'object', properties: { latencyMs: { type: ['number', 'null'] } } } } };
    expect(fixBareNullables(doc).properties.db.properties.latencyMs).toEqual({ type: 'number', nullable: true });
  });

  it('leaves real arrays alone', () => {
    const roles = { type: 'array', items: { type: 'string', enum: ['learner'] } };
    const path = { type: 'array', items: { type: 'string' } };
    expect(fixBareNullables({ properties: { roles, path } })).toEqual({ properties: { roles, path } });
  });

  it('leaves a list of several real types as it is', () => {
    expect(fixBareNullables({ type: ['string', 'number'] })).toEqual({ type: ['string', 'number'] });
  });
});
