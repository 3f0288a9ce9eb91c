// Jest's stand-in for a stylesheet imported as text (layout/shell/signed-in-styles.ts): jsdom draws nothing.
export default '';
