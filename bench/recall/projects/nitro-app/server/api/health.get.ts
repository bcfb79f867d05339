export default eventHandler(() => {
  return { status: 'ok' };
});
