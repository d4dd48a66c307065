// Renders the server's own OpenAPI document with Swagger UI; nothing is fetched from anywhere else.
window.addEventListener('DOMContentLoaded', () => {
  window.SwaggerUIBundle({
    url: '/openapi.yaml',
    dom_id: '#api-reference',
    validatorUrl: null,
    deepLinking: true,
  });
});
