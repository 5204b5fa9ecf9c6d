"""Times pabutools on pabulib files, as the reference the tally bench compares with.

Not part of the build or the tests: pabutools comes from PyPI, which the build machines do not reach. Run it where
pabutools is installed, and commit its output as reference.tsv:

    python3 benchmarks/pabutools/time_pabutools.py --limit 600 data/pabulib/*.pb > benchmarks/pabutools/reference.tsv

Each figure is one run of parse + rule, in seconds (the tally endpoint's figure likewise includes the parse). Rules
are named as the tally endpoint names them: greedy (utilitarian greedy: approvals, or points of cumulative ballots),
equalshares/add1 (equal shares, the voters' budget raised by one unit each until the outcome is exhaustive; the
endpoint's "mes") and mes-complete (that, then greedy on what is left). A run that exceeds the limit is written as ">limit".
"""
import argparse
import platform
import signal
import sys
import time

import pulp

if not hasattr(pulp, "HiGHS"):
    pulp.HiGHS = object  # older pulp: only the ILP rules need it, and none is timed here

import pabutools
import pabutools.fractions as fractions
from pabutools.election import AbstractCardinalProfile, Additive_Cardinal_Sat, Cost_Sat, parse_pabulib
from pabutools.rules import exhaustion_by_budget_increase, greedy_utilitarian_welfare, method_of_equal_shares


def satisfaction(profile):
    """Points for cumulative ballots, as pabulib's greedy counts them; a project's cost for approval ballots."""
    return Additive_Cardinal_Sat if isinstance(profile, AbstractCardinalProfile) else Cost_Sat


def mes_add1(instance, profile):
    return exhaustion_by_budget_increase(
        instance, profile, method_of_equal_shares, {"sat_class": satisfaction(profile)}, budget_step=profile.num_ballots())


RULES = {
    "greedy": lambda i, p: greedy_utilitarian_welfare(i, p, sat_class=satisfaction(p)),
    "equalshares/add1": mes_add1,
    "mes-complete": lambda i, p: greedy_utilitarian_welfare(
        i, p, sat_class=satisfaction(p), initial_budget_allocation=mes_add1(i, p)),
}


class TimedOut(Exception):
    pass


def on_alarm(*_):
    raise TimedOut()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=600, help="seconds per run before giving up")
    parser.add_argument("--fractions", default="float", choices=["float", "gmpy2"],
                        help="pabutools' arithmetic; float is its faster mode, so the ratios against it are the lower ones")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    fractions.FRACTION = args.fractions
    signal.signal(signal.SIGALRM, on_alarm)

    print(f"# pabutools {getattr(pabutools, '__version__', '?')}, fractions={args.fractions}, python {platform.python_version()},"
          f" {platform.processor() or platform.machine()}, {time.strftime('%Y-%m-%d')}")
    print("file\trule\tseconds\tselected")
    for path in args.files:
        name = path.rsplit("/", 1)[-1].removesuffix(".pb")
        exceeded = False
        for rule, run in RULES.items():
            if exceeded and rule == "mes-complete":
                print(f"{name}\t{rule}\t>{args.limit}\t", flush=True)  # mes-complete runs mes first
                continue
            signal.alarm(args.limit)
            started = time.perf_counter()
            try:
                instance, profile = parse_pabulib(path)
                selected = run(instance, profile)
                seconds = f"{time.perf_counter() - started:.2f}"
                chosen = " ".join(sorted(project.name for project in selected))
            except TimedOut:
                seconds, chosen = f">{args.limit}", ""
                exceeded = rule == "equalshares/add1"
            finally:
                signal.alarm(0)
            print(f"{name}\t{rule}\t{seconds}\t{chosen}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
