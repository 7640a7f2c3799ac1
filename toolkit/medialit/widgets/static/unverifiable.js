// SpotUnverifiable: mark sentences whose claims the reader cannot check, and say why.
import { h, keyOf, short, renderArticles, paintBadges } from "./article.js";
import { renderPanel } from "./panel.js";

/** The text badge of a tag; colour is never the only signal. */
const badgeOf = (tag) => `[? ${(tag.reason || "other").replaceAll("_", " ")}]`;

function render({ model, el }) {
  el.classList.add("medialit", "ml-unverifiable");
  el.setAttribute("data-lm-suppress-shortcuts", "true");  // keys stay in the widget, not notebook shortcuts
  const articles = h("div", { class: "ml-articles" });
  const editor = h("section", { class: "ml-editor", "aria-label": "Tag the selected sentence" });
  el.replaceChildren(h("div", { class: "ml-body" }, [articles, editor]));
  /** @type {{article: string, sid: string} | null} */
  let active = null;

  const tags = () => new Map(model.get("tags").map((t) => [keyOf(t.article, t.sid), t]));
  const commit = (list, note) => { model.set("tags", list); model.save_changes(); panel.say(note); };
  const others = (ref) => model.get("tags").filter((t) => keyOf(t.article, t.sid) !== keyOf(ref.article, ref.sid));
  const clear = (ref) => commit(others(ref), `${ref.sid}: tag removed.`);
  const choose = (ref) => { active = ref; paint(); };
  const options = renderArticles(articles, model.get("articles"), { onChoose: choose, onClear: clear });

  const current = h("p", { class: "ml-current", "aria-live": "polite" });
  const buttons = model.get("reasons").map(([reason, label]) => h("button", {
    type: "button", class: "ml-reason", "data-reason": reason, text: label,
    onclick: () => {
      if (!active) return;
      const tag = { ...active, text: "", label: "unverifiable", source: null, reason };
      commit([...others(active), tag], `${active.sid} tagged ${badgeOf(tag)}.`);
    },
  }));
  const remove = h("button", { type: "button", class: "ml-remove", text: "Remove tag",
    onclick: () => active && clear(active) });
  const note = h("p", { class: "ml-note" });
  editor.append(current, h("fieldset", { class: "ml-why" }, [
    h("legend", { text: "Cannot be checked, because of:" }), ...buttons]), remove, note);

  function paint() {
    const map = tags();
    const feedback = new Map(model.get("feedback").map((f) => [keyOf(f.article, f.sid), f]));
    paintBadges(options, (key) => (map.has(key) ? badgeOf(map.get(key)) : ""), feedback);
    const activeKey = active && keyOf(active.article, active.sid);
    for (const [key, option] of options) option.setAttribute("aria-selected", String(key === activeKey));
    const tag = active ? map.get(activeKey) : undefined;
    for (const button of buttons) {
      button.disabled = !active;
      button.setAttribute("aria-pressed", String(Boolean(tag && tag.reason === button.dataset.reason)));
    }
    remove.disabled = !tag;
    if (!active) {
      current.textContent = "Select a sentence: click it, or move with the arrow keys and press Enter.";
      note.textContent = "";
      return;
    }
    const text = options.get(activeKey).querySelector(".ml-text").textContent;
    current.textContent = `Selected ${active.sid}: \u201c${short(text)}\u201d \u2014 ${tag ? badgeOf(tag) : "not tagged yet"}`;
    const fb = feedback.get(activeKey);
    note.textContent = fb ? `${fb.badge}: ${fb.message}` : "";
  }

  const panel = renderPanel(model, el, (row) => {
    const option = options.get(keyOf(row.article, row.sid));
    if (option) { option.focus(); choose({ article: row.article, sid: row.sid }); }
  });
  model.on("change:tags", paint);
  model.on("change:feedback", paint);
  paint();
}

export default { render };
