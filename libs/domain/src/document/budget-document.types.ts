// Normalized budget document types (filled by the importer work, issue #3).
export {};
