// Progressive enhancement of the ballot form (Web/Budgeting/_BallotForm.cshtml): the form works without this script;
// it only keeps the running total current while the resident chooses, from the templates the server rendered it with.
(function () {
  'use strict';
  var box = document.querySelector('[data-ballot-total]');
  if (!box) return;
  var form = box.closest('form');
  var text = box.querySelector('[data-testid="running-total"]');
  var type = box.getAttribute('data-vote-type');
  var limit = box.getAttribute('data-limit') ? Number(box.getAttribute('data-limit')) : null;
  var budget = Number(box.getAttribute('data-budget'));
  var english = document.documentElement.lang === 'en';

  // As Participation.Budgeting.Explanations.Money writes amounts: "€ 1.840" in Dutch, "€1,840" in English.
  function money(amount) {
    var grouped = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, english ? ',' : '.');
    return (amount < 0 ? '-' : '') + (english ? '€' : '€ ') + grouped;
  }

  function update() {
    var count = 0, total = 0;
    if (type === 'cumulative') {
      form.querySelectorAll('input[data-points]').forEach(function (input) {
        var n = parseInt(input.value, 10);
        if (n > 0) count += n;
      });
    } else {
      form.querySelectorAll('input[data-cost]:checked').forEach(function (input) {
        count += 1;
        total += Number(input.getAttribute('data-cost'));
      });
    }

    var over = type === 'knapsack' ? total > budget : limit !== null && count > limit;
    var values = {
      count: String(count),
      projects: box.getAttribute(count === 1 ? 'data-project' : 'data-projects'),
      total: money(total),
      limit: type === 'knapsack' ? money(budget) : String(limit),
      left: money(Math.max(0, budget - total)),
      over: money(Math.max(0, total - budget))
    };
    var template = box.getAttribute(over ? 'data-over' : 'data-ok');
    var next = template.replace(/\{(\w+)\}/g, function (_, key) { return values[key] !== undefined ? values[key] : ''; });
    if (text.textContent !== next) text.textContent = next;
    box.classList.toggle('ballot-total--over', over);
  }

  form.addEventListener('change', update);
  form.addEventListener('input', update);
})();
