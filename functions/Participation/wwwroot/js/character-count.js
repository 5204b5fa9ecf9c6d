// Keeps each character counter (Web/Shared/_CharacterCount.cshtml) up to date while typing. The server wrote the
// first text and refuses what is too long itself; this only tells the resident sooner.
(() => {
  for (const counter of document.querySelectorAll('[data-character-count]')) {
    const field = document.getElementById(counter.dataset.characterCount);
    const max = Number(counter.dataset.max);
    field.addEventListener('input', () => {
      // Counted as the server counts: trimmed, a line break as the CR LF the form sends.
      const used = field.value.replace(/\r?\n/g, '\r\n').trim().length;
      const n = Math.abs(max - used);
      const text = used <= max ? (n === 1 ? counter.dataset.leftOne : counter.dataset.leftMany)
        : (n === 1 ? counter.dataset.overOne : counter.dataset.overMany);
      counter.textContent = text.replace('{n}', String(n));
      counter.classList.toggle('character-count--over', used > max);
    });
  }
})();
