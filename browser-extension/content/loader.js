// Content scripts cannot be ES modules: this classic script loads the module graph once per page.
(async () => {
  const runtime = (globalThis.browser ?? globalThis.chrome).runtime;
  const { start } = await import(runtime.getURL('content/main.js'));
  await start();
})();
