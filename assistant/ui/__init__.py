"""The Gradio app: thin tabs over the library (`assistant.ui.handlers` holds the logic)."""
