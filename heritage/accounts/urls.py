from django.urls import path

from heritage.accounts import views, views_two_factor

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("signup/", views.SignupView.as_view(), name="signup"),
    path("check-email/", views.CheckEmailView.as_view(), name="check-email"),
    # Before verify/<token>/, which would otherwise take "resend" for a token.
    path("verify/resend/", views.verify_resend, name="verify-resend"),
    path("verify/<str:token>/", views.verify_email, name="verify-email"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("two-factor/", views_two_factor.two_factor_view, name="two-factor"),
    path(
        "two-factor/recovery-codes/",
        views_two_factor.recovery_codes_view,
        name="two-factor-recovery-codes",
    ),
    path("password/", views.PasswordChangeView.as_view(), name="password-change"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path("password-reset/sent/", views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/complete/",
        views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
]
