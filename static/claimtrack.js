// ClaimTrack's only script of its own: the claim list's actor and outlet fields suggest a
// few names as you type, fetched from a small JSON endpoint, so the page never carries
// every actor. Without it the fields still work: type a name, an alias or an id.
"use strict";
document.querySelectorAll("input[data-suggest]").forEach((input) => {
  const list = document.getElementById(input.getAttribute("list"));
  let timer;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const prefix = input.value.trim();
      if (prefix.length < 2) return;
      const response = await fetch(`${input.dataset.suggest}?q=${encodeURIComponent(prefix)}`);
      if (!response.ok) return;
      const { results } = await response.json();
      list.replaceChildren(...results.map((item) => new Option(item.name, item.name)));
    }, 150);
  });
});
