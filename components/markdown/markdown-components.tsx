import type { Components, ExtraProps } from "react-markdown";
import { CodeBlock } from "./code-block";
import { MathFormula } from "./math-formula";
import { isExternal } from "./safe-url";

type HastNode = NonNullable<ExtraProps["node"]>;

/** Element overrides for model output; URLs arrive through `safeUrl`. */
export const markdownComponents: Components = {
  a: ({ node: _node, href, children, ...props }) =>
    href && isExternal(href) ? (
      <a
        {...props}
        href={href}
        target="_blank"
        rel="noopener noreferrer nofollow"
      >
        {children}
      </a>
    ) : (
      <a {...props} href={href}>
        {children}
      </a>
    ),
  // A model's image could be a tracking pixel: offer it as a link instead.
  img: ({ src, alt }) => {
    const label = alt || "image";
    return typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow">
        {label}
      </a>
    ) : (
      <span>{label}</span>
    );
  },
  pre: ({ node }) => {
    const code = node?.children[0];
    if (code?.type !== "element" || code.tagName !== "code") return null;
    const classes = classNames(code);
    // mdast-util-to-hast ends every code block with a newline of its own.
    const text = textContent(code).replace(/\n$/, "");
    if (classes.includes("math-display")) {
      return <MathFormula tex={text} display />;
    }
    const language = classes
      .find((name) => name.startsWith("language-"))
      ?.slice("language-".length);
    return <CodeBlock code={text} language={language} />;
  },
  code: ({ node, children, className }) =>
    node && classNames(node).includes("math-inline") ? (
      <MathFormula tex={textContent(node)} display={false} />
    ) : (
      <code className={className}>{children}</code>
    ),
  table: ({ node: _node, ...props }) => (
    <div className="my-3 overflow-x-auto">
      <table {...props} />
    </div>
  ),
};

function classNames(node: HastNode): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function textContent(node: HastNode): string {
  return node.children
    .map((child) =>
      child.type === "text"
        ? child.value
        : child.type === "element"
          ? textContent(child)
          : "",
    )
    .join("");
}
