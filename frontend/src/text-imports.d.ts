/** Stylesheets imported as text (`with { loader: 'text' }`, see layout/shell/signed-in-styles.ts). */
declare module '*.css' {
  const text: string;
  export default text;
}
