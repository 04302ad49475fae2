// htm bound to a tiny hyperscript that builds real DOM nodes: declarative markup without a framework, and text is
// always inserted as text (never parsed as HTML), so article and statement text cannot inject markup.
import htm from 'htm';

export function h(type, props, ...children) {
  // htm reuses the result of a static subtree unless h marks it dynamic: a DOM node cannot be in two places at once
  if (this) {
    this[0] = 3;
  }
  if (typeof type === 'function') {
    return type({ ...props, children: children.flat(Infinity) });
  }
  const element = document.createElement(type);
  for (const [name, value] of Object.entries(props || {})) {
    setProperty(element, name, value);
  }
  append(element, children);
  return element;
}

function setProperty(element, name, value) {
  if (value == null || value === false) {
    return;
  }
  if (name === 'ref') {
    value(element);
  } else if (name.startsWith('on') && typeof value === 'function') {
    element.addEventListener(name.slice(2).toLowerCase(), value);
  } else if (name === 'style' && typeof value === 'object') {
    for (const [property, v] of Object.entries(value)) {
      element.style.setProperty(property, v);
    }
  } else if (name === 'value' || name === 'checked') {
    element[name] = value;
  } else {
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Appends nodes, strings and (nested) arrays of them; null, undefined and false are skipped. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces the element's content. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

export const html = htm.bind(h);
