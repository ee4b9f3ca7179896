/** Building blocks of route definitions (OpenAPI from the Zod schemas). */
export const jsonResponse = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

export const noContent = (description: string) => ({ description });
