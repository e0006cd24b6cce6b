app_name = "shop_studio"

urlpatterns: list = []
