// Reassigning offers only the officials of the chosen team; without this script the server refuses any other choice.
(function () {
    'use strict';
    document.querySelectorAll('select[data-team-select]').forEach(function (officials) {
        var team = document.getElementById(officials.getAttribute('data-team-select'));
        if (!team) { return; }
        function show() {
            officials.querySelectorAll('optgroup').forEach(function (group) {
                var mine = group.getAttribute('data-team') === team.value;
                group.hidden = !mine;
                group.disabled = !mine;
            });
            var chosen = officials.selectedOptions[0];
            if (chosen && chosen.value !== '' && chosen.getAttribute('data-team') !== team.value) {
                officials.value = '';
            }
        }
        team.addEventListener('change', show);
        show();
    });
}());
