"""Generated, low-level endpoint modules: one package per spec. Do not edit; see codegen/."""
