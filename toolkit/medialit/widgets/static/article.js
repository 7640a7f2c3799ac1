// Shared by the three widgets: safe DOM building and the article(s) as keyboard-navigable sentence lists.
// Article text only ever goes in through textContent (see `h`), never as markup.

/** @typedef {{sid: string, kind: string, text: string}} Sentence */
/** @typedef {{paragraph: number, kind: string, sentences: Sentence[]}} Block */
/** @typedef {{id: string, title: string, fictional: boolean, banner: string, blocks: Block[]}} ArticleView */
/** @typedef {{article: string, sid: string}} Ref */

/**
 * Create an element. `text` is set with textContent; `on<event>` props become listeners.
 * @param {string} tag
 * @param {Record<string, any>} props
 * @param {(Node|string)[]} children strings become text nodes
 */
export function h(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "true" : String(value));
  }
  node.append(...children);
  return node;
}

/** The map key of a sentence. */
export const keyOf = (article, sid) => `${article} ${sid}`;

/** "A", "B", ... for the articles shown side by side. */
export const letter = (index) => String.fromCharCode(65 + index);

/** Shorten a sentence for labels. */
export const short = (text, n = 70) => (text.length > n ? text.slice(0, n - 1) + "\u2026" : text);

const BLOCK_LABELS = { headline: "Headline", subhead: "Sub-heading", body: "Paragraph" };
const MOVES = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

/**
 * Render each article as a listbox of sentence options inside `root`.
 * Arrow keys, Home and End move the focus; Enter or Space (or a click) calls onChoose;
 * Delete or Backspace calls onClear.
 * @param {HTMLElement} root
 * @param {ArticleView[]} articles
 * @param {{multi?: boolean, onChoose: (ref: Ref) => void, onClear?: (ref: Ref) => void}} opts
 */
export function renderArticles(root, articles, opts) {
  /** @type {Map<string, HTMLElement>} */
  const options = new Map();
  articles.forEach((view, index) => {
    const name = articles.length > 1 ? `Article ${letter(index)}` : "Article";
    const pane = h("section", { class: "ml-pane", "aria-label": `${name}: ${view.title}` });
    if (articles.length > 1) pane.append(h("p", { class: "ml-pane-label", "aria-hidden": "true", text: name }));
    if (view.fictional) pane.append(h("p", { class: "ml-banner", role: "note", text: `\u26a0 ${view.banner}` }));
    const box = h("div", {
      class: "ml-article", role: "listbox", "aria-multiselectable": opts.multi ? "true" : "false",
      "aria-label": `Sentences of \u201c${view.title}\u201d. Arrow keys move, Enter or Space selects.`,
    });
    for (const block of view.blocks) {
      const group = h("div", {
        class: `ml-block ml-blk-${block.kind}`, role: "group",
        "aria-label": `${BLOCK_LABELS[block.kind] || "Paragraph"} ${block.paragraph}`,
      });
      for (const s of block.sentences) {
        const ref = { article: view.id, sid: s.sid };
        const option = h("span", {
          class: `ml-sentence ml-k-${s.kind}`, role: "option", tabindex: "-1", "aria-selected": "false",
          "data-sid": s.sid, "data-article": view.id, title: s.sid,
        }, [h("span", { class: "ml-text", text: s.text }), h("span", { class: "ml-badge" }), h("span", { class: "ml-fb" })]);
        option.addEventListener("click", () => { option.focus(); opts.onChoose(ref); });
        group.append(option, " ");
        options.set(keyOf(view.id, s.sid), option);
      }
      box.append(group);
    }
    const list = [...box.querySelectorAll('[role="option"]')];
    if (list.length) list[0].tabIndex = 0;
    box.addEventListener("focusin", (ev) => {
      if (!list.includes(ev.target)) return;
      for (const o of list) o.tabIndex = o === ev.target ? 0 : -1;  // roving tabindex
    });
    box.addEventListener("keydown", (ev) => {
      const at = list.indexOf(/** @type {HTMLElement} */ (ev.target));
      if (at < 0 || ev.altKey || ev.ctrlKey || ev.metaKey) return;
      const ref = { article: view.id, sid: list[at].dataset.sid };
      let next = null;
      if (ev.key in MOVES) next = list[Math.min(list.length - 1, Math.max(0, at + MOVES[ev.key]))];
      else if (ev.key === "Home") next = list[0];
      else if (ev.key === "End") next = list[list.length - 1];
      else if (ev.key === "Enter" || ev.key === " ") opts.onChoose(ref);
      else if ((ev.key === "Delete" || ev.key === "Backspace") && opts.onClear) opts.onClear(ref);
      else return;
      ev.preventDefault();
      ev.stopPropagation();
      if (next) next.focus();
    });
    pane.append(box);
    root.append(pane);
  });
  return options;
}

/**
 * Show the tag badge and feedback badge of every sentence.
 * @param {Map<string, HTMLElement>} options
 * @param {(key: string) => string} badgeOf tag text such as "[A: Igor Konashenkov]" or ""
 * @param {Map<string, {outcome: string, badge: string}>} feedback by sentence key
 */
export function paintBadges(options, badgeOf, feedback) {
  for (const [key, option] of options) {
    const badge = badgeOf(key);
    option.querySelector(".ml-badge").textContent = badge ? ` ${badge}` : "";
    option.classList.toggle("ml-tagged", Boolean(badge));
    const fb = feedback.get(key);
    const mark = option.querySelector(".ml-fb");
    mark.textContent = fb ? ` ${fb.badge}` : "";
    mark.className = fb ? `ml-fb ml-o-${fb.outcome}` : "ml-fb";
  }
}

/** Tag bookkeeping shared by the tagging widgets: the synced `tags` list, keyed by article and sid. */
export function tagStore(model, say) {
  const others = (ref) => model.get("tags").filter((t) => keyOf(t.article, t.sid) !== keyOf(ref.article, ref.sid));
  const commit = (list, note) => { model.set("tags", list); model.save_changes(); say(note); };
  return {
    put: (ref, tag, note) => commit([...others(ref), tag], note),
    clear: (ref) => commit(others(ref), `${ref.sid}: tag removed.`),
  };
}

const SELECT_HINT = "Select a sentence: click it, or move with the arrow keys and press Enter.";

/** Paint badges, the selection and the status lines; return the selected sentence's tag, if any. */
export function paintSelection({ model, options, active, badgeOf, current, note }) {
  const map = new Map(model.get("tags").map((t) => [keyOf(t.article, t.sid), t]));
  const feedback = new Map(model.get("feedback").map((f) => [keyOf(f.article, f.sid), f]));
  paintBadges(options, (key) => (map.has(key) ? badgeOf(map.get(key)) : ""), feedback);
  const activeKey = active && keyOf(active.article, active.sid);
  for (const [key, option] of options) option.setAttribute("aria-selected", String(key === activeKey));
  if (!active) return void ([current.textContent, note.textContent] = [SELECT_HINT, ""]);
  const tag = map.get(activeKey);
  const text = options.get(activeKey).querySelector(".ml-text").textContent;
  current.textContent = `Selected ${active.sid}: \u201c${short(text)}\u201d \u2014 ${tag ? badgeOf(tag) : "not tagged yet"}`;
  const fb = feedback.get(activeKey);
  note.textContent = fb ? `${fb.badge}: ${fb.message}` : "";
  return tag;
}

