"""Every way of showing a result: JSON-ready data, plain text, Markdown and HTML."""
