"""Front-ends turn raw input into the shared block model."""
