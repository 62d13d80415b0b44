// Progressive enhancement only: every page works without this file (forms post,
// job pages refresh themselves). With it: drag & drop onto the upload form, and
// progress shown without reloading until the job is done.
"use strict";

function setupDrop() {
  const drop = document.getElementById("drop");
  const input = document.getElementById("file");
  const chosen = document.getElementById("chosen");
  if (!drop || !input) return;
  const list = () => {
    chosen.replaceChildren(...Array.from(input.files).map((f) => {
      const li = document.createElement("li");
      li.textContent = f.name + " (" + Math.max(1, Math.round(f.size / 1024)) + " KB)";
      return li;
    }));
  };
  input.addEventListener("change", list);
  ["dragenter", "dragover"].forEach((type) => drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((type) => drop.addEventListener(type, () => drop.classList.remove("over")));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      list();
    }
  });
}

function showProgress(section, job) {
  const stage = document.getElementById("stage");
  const pages = document.getElementById("pages");
  const bar = document.getElementById("bar");
  if (stage) stage.textContent = section.dataset["label" + job.stage.charAt(0).toUpperCase() + job.stage.slice(1)] || job.stage;
  if (pages && job.stage === "ocr" && job.pages) {
    pages.textContent = section.dataset.ocrProgress.replace("{done}", job.ocr_pages || 0).replace("{total}", job.pages);
  } else if (pages && job.pages) {
    let text = section.dataset.pagesLabel.replace("{pages}", job.pages);
    if (job.ocr_pages) text += " · " + section.dataset.ocrLabel.replace("{ocr}", job.ocr_pages);
    pages.textContent = text;
  }
  if (bar) {
    bar.value = job.stage === "ocr" && job.pages ? 1 + (job.ocr_pages || 0) / job.pages
      : ({queued: 0, reading: 1, matching: 2, rendering: 3}[job.stage] ?? 4);
  }
}

function poll() {
  const watched = Array.from(document.querySelectorAll("[data-poll-job]"));
  if (!watched.length) return;
  const tick = async () => {
    let active = 0;
    for (const element of watched) {
      try {
        const response = await fetch("/api/v1/jobs/" + encodeURIComponent(element.dataset.pollJob),
                                     {headers: {"Accept": "application/json"}, cache: "no-store"});
        if (!response.ok) continue;
        const job = await response.json();
        if (element.id === "progress") showProgress(element, job);
        if (job.state === "queued" || job.state === "running") active += 1;
      } catch (error) {
        active += 1; // the server may be busy: try again
      }
    }
    if (active) {
      setTimeout(tick, 600);
    } else {
      window.location.reload();
    }
  };
  setTimeout(tick, 300);
}

document.addEventListener("DOMContentLoaded", () => {
  setupDrop();
  poll();
});
