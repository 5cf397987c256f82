# Index Explorer: نصوص الواجهة باللغة العربية.
# ترجمة آلية (أعدّها المطورون بمساعدة نموذج لغوي): يجب أن يراجعها متحدث أصلي قبل النشر.
# المرجع: en.ftl.

app-name = مستكشف المؤشرات
tagline = غيّر وزنًا لترى كيف تتغير الترتيبات والفجوة بين أقل البلدان نموًا والبلدان المتقدمة.
dataset = مجموعة البيانات
your-data-group = بياناتك (في هذا المتصفح فقط)
year = السنة
years = السنوات
play-years = تشغيل السنوات
language = اللغة
normalised-within = موحّد القياس داخل كل سنة
nothing-yet = لا شيء للعرض بعد
loading = جارٍ تحميل { $what }…
weights-and-method = الأوزان والمنهجية
group-gap = الفجوة بين المجموعات
could-not-load = تعذّر تحميل { $what }: تحقّق من الاتصال.
retry = إعادة المحاولة
part-chart = الرسم البياني
part-saved = السيناريوهات المحفوظة
part-import = استيراد بياناتك
part-map = خريطة العالم
part-compare = مقارنة السيناريوهات
part-robustness = تحليلات المتانة
part-profile = الملف القطري
part-health = فحص المؤشر
part-charts = الرسوم البيانية
language-failed = تعذّر تحميل النصوص باللغة { $language } ({ $problem }): تبقى الصفحة بالإنجليزية.
weights = الأوزان
close-weights = إغلاق الأوزان
published = المنشورة
published-title = العودة إلى أوزان الجهة الناشرة
equal = متساوية
equal-title = كل عقدة لها وزن العقد الشقيقة نفسه
done = تم
weights-fixed = لا تنشر هذه الطبعة إلا الدرجة الإجمالية، دون مكوّنات يمكن ترجيحها: الترتيب هو ترتيب الجهة الناشرة ولا يمكن تطبيق الأوزان. اختر طبعة ذات مكوّنات لإعادة ترجيحها.
weights-hint = الحصص منسوبة إلى المستوى الأعلى؛ اسحب لإعادة الترتيب مباشرة.
ratings = التقييم من 0 إلى 5 بخطوات صحيحة (كما في مؤشر الحياة الأفضل لمنظمة التعاون الاقتصادي والتنمية: الوزن = التقييم / مجموع التقييمات)
show-parts = إظهار مكوّنات { $name }
ranking = الترتيب
ranked = { $count ->
    [zero] لا شيء مرتّب
    [one] واحد مرتّب
    [two] اثنان مرتّبان
   *[other] { $count } مرتّبة
}
search = البحث عن بلد أو رمز
show-group = إظهار المجموعة
all-units = جميع الوحدات
tap-country = المس بلدًا لعرض تفاصيله.
rank = المرتبة
country = البلد
score = الدرجة
best-worst = الأفضل–الأسوأ
method = المنهجية
default = الافتراضي
default-of = الافتراضي ({ $value })
normalisation = توحيد القياس
normalise-over = توحيد القياس على
aggregation = التجميع
outliers = القيم المتطرفة
missing-data = البيانات الناقصة
screening = الاستبعاد
carry-forward = ترحيل القيم
denominate = القسمة على المقامات (للفرد، لكل ناتج محلي إجمالي…)
the-gap = الفجوة
group-a = المجموعة أ
group-b = المجموعة ب
gap = الفجوة
compare-another = مقارنة مجموعة أخرى
add-group = إضافة مجموعة…
stop-comparing = إيقاف مقارنة هذه المجموعة
gap-hint = متوسطات الوحدات ذات الدرجات: { $a_scored } من { $a_all } في أ ({ $a_share })، و{ $b_scored } من { $b_all } في ب ({ $b_share }). نسبة أ/ب في المؤشر: { $ratio }. مرّر المؤشر فوق رقم لرؤية وسيطه.
every-year = كل السنوات
every-year-hint = درجة كل بلد ومرتبته في كل سنة، بهذه الأوزان وهذه المنهجية.
every-year-csv = تنزيل كل السنوات (CSV)
years-computed = السنوات المحسوبة
year-of = السنة { $done } من { $total }
every-year-failed = تعذّر تنزيل كل السنوات: { $why }.
starting = جارٍ البدء…
cancel = إلغاء
link-part-ignored = تم تجاهل جزء من الرابط: { $problem }.
framed = يعمل مستكشف المؤشرات في علامة تبويب خاصة به؛ ولا يمكن تضمين إلا رسومه البيانية (زر التضمين في كل رسم بياني).
open-app = فتح مستكشف المؤشرات
