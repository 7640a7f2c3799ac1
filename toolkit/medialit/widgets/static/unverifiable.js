// SpotUnverifiable: mark sentences whose claims the reader cannot check, and say why.
import { h, renderArticles, tagStore, paintSelection } from "./article.js";
import { renderPanel, focusRow, hintButton, taggingFrame } from "./panel.js";

/** The text badge of a tag; colour is never the only signal. */
const badgeOf = (tag) => `[? ${(tag.reason || "other").replaceAll("_", " ")}]`;

function render({ model, el }) {
  const { articles, editor } = taggingFrame(el, "ml-unverifiable");
  /** @type {{article: string, sid: string} | null} */
  let active = null;

  const store = tagStore(model, (note) => panel.say(note));
  const clear = store.clear;
  const choose = (ref) => { active = ref; paint(); };
  const options = renderArticles(articles, model.get("articles"), { onChoose: choose, onClear: clear });

  const current = h("p", { class: "ml-current", "aria-live": "polite" });
  const buttons = model.get("reasons").map(([reason, label]) => h("button", {
    type: "button", class: "ml-reason", "data-reason": reason, text: label,
    onclick: () => {
      if (!active) return;
      const tag = { ...active, text: "", label: "unverifiable", source: null, reason };
      store.put(active, tag, `${active.sid} tagged ${badgeOf(tag)}.`);
    },
  }));
  const remove = h("button", { type: "button", class: "ml-remove", text: "Remove tag",
    onclick: () => active && clear(active) });
  const note = h("p", { class: "ml-note" });
  const hint = hintButton(model, () => active, note);
  editor.append(current, h("fieldset", { class: "ml-why" }, [
    h("legend", { text: "Cannot be checked, because of:" }), ...buttons]), remove, hint, note);

  function paint() {
    const tag = paintSelection({ model, options, active, badgeOf, current, note });
    for (const button of buttons) {
      button.disabled = !active;
      button.setAttribute("aria-pressed", String(Boolean(tag && tag.reason === button.dataset.reason)));
    }
    remove.disabled = !tag;
    hint.disabled = !active;
  }

  const panel = renderPanel(model, el, focusRow(options, choose));
  model.on("change:tags", paint);
  model.on("change:feedback", paint);
  paint();
}

export default { render };
