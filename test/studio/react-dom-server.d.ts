// Minimal types for the one react-dom/server function the Studio tests use
// (@types/react-dom is not installed).
declare module 'react-dom/server' {
  export function renderToStaticMarkup(element: import('react').ReactNode): string
}
