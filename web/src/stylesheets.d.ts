/** A stylesheet imported for its side effect (`import './style.css'`): Vite bundles it; it exports nothing. */
declare module '*.css';
