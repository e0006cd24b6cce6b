app_name = "shop_webhooks"

urlpatterns: list = []
