"""l8compat: the compatibility harness runner (compat-tests/).

Place in the pipeline: sdks/<lang> drivers -> runtime (container/process/external) -> matrix reports.
Modules, by concept: protos (API inventory from proto/), cases (YAML + schema), templating, matching,
driver (line-protocol client), drivers (language registry), engine (where the runtime runs), control
(harness control service client), executor (runs one case), results/reports, gates, mutants.
"""
