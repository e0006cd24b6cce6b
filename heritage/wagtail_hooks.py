"""The foundation's Wagtail hooks."""

from wagtail import hooks

from heritage.accounts.documents import private_document_check


# After Wagtail's own check of collection view restrictions (order 0).
@hooks.register("before_serve_document", order=10)
def private_documents_need_two_step_sign_in(document, request):
    return private_document_check(document, request)
