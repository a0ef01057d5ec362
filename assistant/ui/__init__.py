"""The web app: Gradio Blocks (chat, practices, documents) mounted with the REST API on one FastAPI app."""
