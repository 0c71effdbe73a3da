# Convenience targets; the scripts hold the logic.
.PHONY: bench bench-quick test

# The benchmark suite of issue #8: release build, every benchmark against its reference, BENCHMARKS.md.
bench:
	scripts/bench

# A small smoke run of the same scripts with the debug binary.
bench-quick:
	scripts/bench --quick

test:
	scripts/test
