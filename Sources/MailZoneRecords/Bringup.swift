// Bring-up placeholder, removed once the records module has sources.
