"""The pure selection core: composition rules, the checker, the optimizer, apportionment.

No Django here (tested without a database; mypy-checked). Other apps call:

* ``rules.parse_rules(data)`` / ``rules.make_candidate(id, attributes, merit)``: stored JSON
  rules and delegates into typed values; ``rules.conference_preset(...)``: the seed's 70/30;
* ``checker.check(people, rules) -> Report`` (``report.passed``, ``report.as_list()``);
* ``optimizer.optimize(candidates, rules, size, required, seed, weights) -> OptimizeResult``;
* ``apportionment.apportion(weights, seats, method, min_per_unit, max_per_unit, threshold)``,
  ``quotas.allocate_category(...)`` and ``quotas.quota_rules(...)`` (category quotas as rules).

Refusals raise ``errors.SelectionError(code, message)`` (Vietnamese message).
"""
