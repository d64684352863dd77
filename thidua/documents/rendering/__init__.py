"""Renderers of a DocumentSpec: ``render_pdf``, ``render_pdf_batch`` and ``render_docx``."""

from thidua.documents.rendering.pdf import render_pdf, render_pdf_batch, render_pdf_chunks
from thidua.documents.rendering.word import render_docx

__all__ = ["render_docx", "render_pdf", "render_pdf_batch", "render_pdf_chunks"]
