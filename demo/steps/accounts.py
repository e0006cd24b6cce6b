from django.contrib.auth import get_user_model

from demo.context import SeedContext


def editor_create(ctx: SeedContext) -> None:
    """An editor who may do everything in the Wagtail admin, created only if missing.

    An existing account keeps its password; the summary then says whether the demo
    password still opens it.
    """
    user_model = get_user_model()
    user = user_model.objects.filter(email=ctx.editor_email).first()
    if user is None:
        user_model.objects.create_superuser(
            ctx.editor_email, ctx.editor_password, first_name="Demo", last_name="Editor"
        )
        ctx.made["users"] += 1
        ctx.report(f"Created the editor {ctx.editor_email}.")
        ctx.editor_password_known = True
    else:
        ctx.editor_password_known = user.check_password(ctx.editor_password)
