"""PayGuide assistant: conversation, CLI, Gradio app and clause review, composed from
`knowledge`, `calculators` and `doc_templates` (which never import this package)."""
