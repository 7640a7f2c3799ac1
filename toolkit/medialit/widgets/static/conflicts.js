// SpotConflicts: pick claims that cannot all be true (also across two articles side by side),
// make them a group and name what they disagree about.
import { h, keyOf, letter, short, renderArticles, paintBadges } from "./article.js";
import { renderPanel } from "./panel.js";

function render({ model, el }) {
  el.classList.add("medialit", "ml-conflicts");
  el.setAttribute("data-lm-suppress-shortcuts", "true");  // keys stay in the widget, not notebook shortcuts
  const views = model.get("articles");
  const articles = h("div", { class: `ml-articles ml-columns-${views.length}` });
  const builder = h("section", { class: "ml-builder", "aria-label": "Make a group of conflicting claims" });
  const groupsBox = h("section", { class: "ml-groups", "aria-label": "Your conflict groups" });
  el.replaceChildren(articles, builder, groupsBox);
  /** @type {Map<string, {article: string, sid: string}>} */
  const picked = new Map();
  const ids = views.map((v) => v.id);
  const label = (ref) => (views.length > 1 ? `${letter(ids.indexOf(ref.article))}: ${ref.sid}` : ref.sid);

  const toggle = (ref) => {
    const key = keyOf(ref.article, ref.sid);
    if (picked.has(key)) picked.delete(key); else picked.set(key, ref);
    panel.say(`${label(ref)} ${picked.has(key) ? "selected" : "unselected"}; ${picked.size} selected.`);
    paintSelection();
  };
  const options = renderArticles(articles, views, { multi: true, onChoose: toggle });
  const textOf = (ref) => options.get(keyOf(ref.article, ref.sid))?.querySelector(".ml-text").textContent ?? "";
  const show = (ref) => options.get(keyOf(ref.article, ref.sid))?.focus();
  const commit = (groups, note) => { model.set("conflict_groups", groups); model.save_changes(); panel.say(note); };

  const chosen = h("p", { class: "ml-chosen" });
  const topic = h("input", { type: "text", class: "ml-topic", "aria-label": "What do these claims disagree about?",
    placeholder: "What do they disagree about? e.g. when the hospital was destroyed" });
  const make = h("button", { type: "button", class: "ml-make", text: "Make group" });
  const reset = h("button", { type: "button", class: "ml-clear", text: "Clear selection" });
  builder.append(h("h4", { text: "New group of claims that cannot all be true" }), chosen, topic, make, reset);
  make.addEventListener("click", () => {
    if (picked.size < 2) { panel.say("Select at least two claims first."); return; }
    const groups = model.get("conflict_groups");
    const claims = [...picked.values()].map((ref) => ({ ...ref, text: "" }));
    commit([...groups, { topic: topic.value.trim(), claims }], `Group ${groups.length + 1} made from ${claims.map(label).join(", ")}.`);
    picked.clear();
    topic.value = "";
    paintSelection();
  });
  topic.addEventListener("keydown", (ev) => { if (ev.key === "Enter") { ev.preventDefault(); make.click(); } });
  reset.addEventListener("click", () => { picked.clear(); panel.say("Selection cleared."); paintSelection(); });

  function paintSelection() {
    const member = new Map();
    model.get("conflict_groups").forEach((g, i) => g.claims.forEach((c) => {
      const key = keyOf(c.article, c.sid);
      member.set(key, [...(member.get(key) || []), `G${i + 1}`]);
    }));
    paintBadges(options, (key) => [picked.has(key) ? "[\u2713 selected]" : "",
      member.has(key) ? `[${member.get(key).join(", ")}]` : ""].filter(Boolean).join(" "), new Map());
    for (const [key, option] of options) option.setAttribute("aria-selected", String(picked.has(key)));
    chosen.textContent = picked.size ? `Selected (${picked.size}): ${[...picked.values()].map(label).join(", ")}`
      : "Select two or more claims that cannot all be true: click them, or press Enter or Space on each.";
    make.disabled = picked.size < 2;
  }

  function groupItem(group, i, groups) {
    const input = h("input", { type: "text", class: "ml-group-topic", "aria-label": `Topic of group ${i + 1}`,
      placeholder: "What do they disagree about?" });
    input.value = group.topic;
    input.addEventListener("change", () => commit(groups.map((g, j) => (j === i ? { ...g, topic: input.value.trim() } : g)),
      `Topic of group ${i + 1} saved.`));
    const remove = h("button", { type: "button", class: "ml-ungroup", text: "Remove group", "aria-label": `Remove group ${i + 1}`,
      onclick: () => commit(groups.filter((_, j) => j !== i), `Group ${i + 1} removed.`) });
    const claims = h("ul", { class: "ml-claims" }, group.claims.map((c) => h("li", {}, [
      h("button", { type: "button", class: "ml-claim", text: label(c), title: "Show this sentence", onclick: () => show(c) }),
      h("span", { text: ` \u201c${short(textOf(c) || c.text, 110)}\u201d` })])));
    return h("li", { class: "ml-group" }, [h("span", { class: "ml-group-label", text: `G${i + 1}` }), input, remove, claims]);
  }

  function paintGroups() {
    const groups = model.get("conflict_groups");
    groupsBox.replaceChildren(h("h4", { text: groups.length ? `Your groups (${groups.length})` : "No groups yet" }),
      h("ol", { class: "ml-group-list" }, groups.map((g, i) => groupItem(g, i, groups))));
    paintSelection();
  }

  const panel = renderPanel(model, el, (row) => {
    const [first] = row.sid.split(" ");
    const ref = first.includes(":") ? { article: first.split(":")[0], sid: first.split(":")[1] } : { article: row.article, sid: first };
    show(ref);
  });
  model.on("change:conflict_groups", paintGroups);
  paintGroups();
}

export default { render };
