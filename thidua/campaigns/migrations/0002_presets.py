"""The campaign presets, as data.

"kim-bang-2024": exactly the values of the seed plan (Kế hoạch of UBND huyện Kim Bảng, 2024,
implementing the province's Plan No. 2056/KH-UBND of 10/10/2024): three levels, communes in
Q1/2025, the district in Q2/2025, 70/30, caps 300/200/300, plans "trước ngày 16/12/2024".
The seed's emphasis rules (women, direct producers, economic sectors) carry no figure: they
are rows without bounds, which an organizer may give a minimum share.

"two-levels-2025": after 1/7/2025 (Resolution 202/2025/QH15) there is no district level:
communes report straight to the province. The seed has nothing to say about it, so its dates
and caps are illustrative [U]: commune conferences in July-August 2025, the province's congress
in September 2025 numbered "lần thứ I" (merged provinces restarted their numbering).

A migration imports no application code: the values are literal here.
"""

import copy

from django.db import migrations

AGENDA = [
    "Tuyên bố lý do, giới thiệu đại biểu và khai mạc.",
    "Báo cáo tổng kết phong trào thi đua và công tác khen thưởng 5 năm qua, phương hướng, nhiệm vụ công tác thi đua, khen thưởng 5 năm tới.",
    "Báo cáo tham luận của các điển hình tiên tiến (Chú trọng lựa chọn điển hình thật sự tiêu biểu có sức lan tỏa, để lại ấn tượng tại Hội nghị).",
    "Tổ chức các hoạt động giao lưu với các điển hình tiên tiến.",
    "Biểu dương, tôn vinh, khen thưởng các điển hình tiên tiến.",
    "Phát động phong trào thi đua giai đoạn {direction_period}.",
    "Phát biểu hưởng ứng phát động phong trào thi đua.",
    "Thông qua danh sách đại biểu đi dự Đại hội cấp trên.",
    "Tổng kết và bế mạc.",
]

NARRATIVE = {
    "intro": "Ủy ban nhân dân huyện Kim Bảng xây dựng Kế hoạch của huyện như sau:",
    "purposes": [
        "Đánh giá kết quả và tác dụng của phong trào thi đua yêu nước, công tác phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến từ sau Hội nghị điển hình tiên tiến các cấp giai đoạn {previous_period} đến nay trong việc thực hiện các mục tiêu, nhiệm vụ phát triển kinh tế - xã hội, văn hóa, quốc phòng, an ninh của huyện; đề ra phương hướng, nhiệm vụ đẩy mạnh phong trào thi đua và nâng cao hiệu quả thực hiện công tác khen thưởng trong giai đoạn {direction_period}.",
        "Biểu dương, khen thưởng thành tích trong phong trào thi đua yêu nước và tôn vinh các tập thể, cá nhân, các gương điển hình tiên tiến tiêu biểu trong các phong trào thi đua, qua đó khơi dậy và phát huy sức mạnh của khối đại đoàn kết toàn dân tộc, tạo động lực thực hiện thắng lợi các nhiệm vụ phát triển kinh tế - xã hội ở từng cấp, ngành, đơn vị theo Nghị quyết Đại hội Đảng các cấp.",
        "Tăng cường công tác tuyên truyền về phong trào thi đua yêu nước gắn với tuyên truyền thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và thực hiện mục tiêu phát triển kinh tế - xã hội của huyện, nhằm phát huy cao độ truyền thống thi đua yêu nước, khơi dậy ý thức tự giác, sức sáng tạo của quần chúng Nhân dân trên mọi lĩnh vực của đời sống xã hội.",
        "Thông qua Hội nghị điển hình tiên tiến rút ra các bài học kinh nghiệm về tổ chức phong trào thi đua và công tác khen thưởng; về xây dựng và nhân rộng các điển hình tiên tiến, chỉ ra những tồn tại, hạn chế cần khắc phục để tiếp tục đổi mới công tác thi đua, khen thưởng đạt hiệu quả cao trong thời gian tới. Đồng thời lựa chọn những tập thể, cá nhân tiêu biểu nhất qua các phong trào thi đua dự {congress}, {national_congress}.",
    ],
    "requirements": [
        "Tổ chức Hội nghị điển hình tiên tiến các cấp bảo đảm trang trọng, thiết thực, tiết kiệm, tránh phô trương, hình thức, lãng phí.",
    ],
    "preparation": [
        "Đẩy mạnh công tác tuyên truyền tư tưởng của Chủ tịch Hồ Chí Minh về thi đua yêu nước, chủ trương đường lối của Đảng, chính sách, pháp luật của Nhà nước về thi đua, khen thưởng.",
        "Các cơ quan tuyên truyền tập trung tuyên truyền về Hội nghị điển hình tiên tiến các cấp và {congress}; biểu dương ghi nhận những thành quả của phong trào thi đua yêu nước trên tất cả những lĩnh vực của đời sống xã hội, công tác xây dựng đảng, góp phần phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh của tỉnh, của huyện và đất nước; mở rộng nhiều hình thức tuyên truyền, biểu dương các điển hình tiên tiến, nhân tố mới, gương người tốt, việc tốt, tạo không khí sôi nổi, chào mừng kỷ niệm các ngày Lễ lớn trong năm 2024 và 2025, chào mừng Đại hội Đảng các cấp, {congress} và {national_congress}.",
        "Tiếp tục quán triệt, tổ chức thực hiện tốt Luật Thi đua, khen thưởng năm 2022 và các văn bản quy định chi tiết thi hành; nâng cao nhận thức, trách nhiệm, chấp hành tốt các quy định của pháp luật về thi đua, khen thưởng của các cấp, các ngành và Nhân dân, để tiếp tục đổi mới công tác thi đua, khen thưởng, tạo động lực góp phần thực hiện có hiệu quả nhiệm vụ chính trị, thúc đẩy phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh của đất nước.",
        "Các ngành, các cấp, các địa phương phát động đợt thi đua đặc biệt, sôi nổi, sâu rộng, thiết thực, gắn với “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” nhằm phát huy sức mạnh của cả hệ thống chính trị, tạo sự đồng thuận của toàn xã hội, phấn đấu thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội, đi đôi với thực hành tiết kiệm, chống tham nhũng, lãng phí, tiêu cực; bảo đảm an sinh xã hội, giảm nghèo bền vững, phòng chống thiên tai, dịch bệnh, giảm thiểu tai nạn giao thông, giữ vững ổn định chính trị, bảo đảm an ninh trật tự, an toàn xã hội, xây dựng Đảng, xây dựng hệ thống chính trị trong sạch vững mạnh; tập trung chỉ đạo triển khai có hiệu quả các phong trào thi đua trọng tâm do Thủ tướng Chính phủ phát động: “Cả nước chung sức xây dựng nông thôn mới”; “Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí”, “Vì người nghèo - Không để ai bị bỏ lại phía sau”, “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở”; “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023- 2030”; Cả nước chung tay “Xóa nhà tạm, nhà dột nát” trong năm 2025 và các phong trào thi đua do tỉnh phát động trên các lĩnh vực kinh tế - xã hội; an ninh - quốc phòng; phong trào thi đua trong các cơ quan đảng, chính quyền, Mặt trận và các tổ chức chính trị xã hội... Qua đó, đẩy mạnh công tác tuyên truyền, biểu dương, khen thưởng, tôn vinh các tập thể, cá nhân tiêu biểu, xuất sắc trong thực hiện các phong trào thi đua.",
        "Tổ chức tổng kết 10 năm thực hiện Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng (thực hiện khi có chỉ đạo, hướng dẫn của cấp có thẩm quyền).",
        "Chú trọng việc phát hiện các điển hình tiên tiến, nhân tố mới thực sự tiêu biểu trong các phong trào thi đua, được quần chúng, tập thể suy tôn để biểu dương, tôn vinh kịp thời hoặc đề nghị cấp có thẩm quyền tặng thưởng các hình thức khen thưởng phù hợp; có kế hoạch bồi dưỡng, nhân rộng để các điển hình tiêu biểu được lan tỏa thực sự hiệu quả trong cuộc sống.",
    ],
    "agenda_note": [
        "Căn cứ nội dung, yêu cầu nêu trên, các địa phương có thể tổ chức các hình thức đa dạng, phong phú, sáng tạo nhằm tôn vinh, biểu dương các tập thể, cá nhân điển hình tiên tiến (như: Giao lưu trực tiếp với các điển hình, xây dựng phóng sự, phim tư liệu để minh họa...).",
    ],
    "side_activities": [
        "Đẩy mạnh tuyên truyền về tư tưởng thi đua yêu nước của Chủ tịch Hồ Chí Minh, các chủ trương đường lối của Đảng, chính sách pháp luật của Nhà nước về thi đua, khen thưởng, những điển hình trong các phong trào thi đua yêu nước, gương người tốt, việc tốt.",
        "Tổ chức đối thoại, gặp gỡ giữa lãnh đạo các cơ quan, đơn vị, địa phương với các điển hình tiên tiến về dự Đại hội.",
        "Giao lưu các điển hình tiên tiến trên các phương tiện truyền thông của địa phương, đơn vị.",
        "Tổ chức các hoạt động văn hóa, văn nghệ tuyên truyền, cổ động chào mừng.",
    ],
    "report_intro": [
        "Báo cáo phải nêu được những nét mới, sáng tạo, những phong trào thi đua thiết thực, hiệu quả, những mô hình mới góp phần hoàn thành nhiệm vụ chính trị và nhiệm vụ phát triển kinh tế - xã hội của địa phương (có thể xây dựng phóng sự, video clip, hình ảnh để minh họa cho nội dung báo cáo). Thông qua việc đánh giá kết quả của các phong trào thi đua yêu nước để biểu dương, tôn vinh các gương điển hình tiên tiến, gương người tốt, việc tốt; phân tích, đánh giá tác dụng của phong trào thi đua đối với việc thực hiện nhiệm vụ chính trị; từ đó rút ra các bài học kinh nghiệm chủ yếu trong công tác lãnh đạo, chỉ đạo tổ chức các phong trào thi đua và công tác khen thưởng.",
    ],
    "report_outline": [
        {
            "heading": "Phần tổng kết phong trào thi đua yêu nước và công tác khen thưởng:",
            "items": [
                "Đánh giá kết quả đạt được của các phong trào thi đua yêu nước từ Hội nghị lần trước đến nay; nêu rõ các phong trào thi đua tiêu biểu và đánh giá tác động, tính thiết thực, hiệu quả của các phong trào thi đua yêu nước đó, góp phần vào việc thực hiện nhiệm vụ chính trị, nhiệm vụ chuyên môn của đơn vị;",
                "Kết quả công tác khen thưởng; phân tích kết quả, chất lượng các hình thức khen thưởng, việc khen thưởng cho người trực tiếp lao động, sản xuất, công tác, chiến đấu và phục vụ chiến đấu, công nhân, nông dân, việc chấp hành các quy định pháp luật về thi đua, khen thưởng;",
                "Đánh giá công tác lãnh đạo, chỉ đạo đổi mới tổ chức các phong trào thi đua yêu nước và công tác thi đua, khen thưởng của cấp ủy Đảng, chính quyền, đoàn thể trong những năm qua;",
                "Những tồn tại hạn chế chủ yếu, nguyên nhân và bài học kinh nghiệm.",
            ],
        },
        {
            "heading": "Phần phương hướng nhiệm vụ:",
            "items": [
                "Xác định phương hướng, mục tiêu chung của phong trào thi đua và công tác khen thưởng trong 05 năm tới;",
                "Những nội dung chủ yếu đẩy mạnh các phong trào thi đua thực hiện nhiệm vụ chính trị, nhiệm vụ chuyên môn của đơn vị;",
                "Công tác lãnh đạo, chỉ đạo đổi mới công tác thi đua, khen thưởng và các giải pháp chủ yếu.",
            ],
        },
    ],
    "presentations": [
        "Báo cáo điển hình phải được lựa chọn đảm bảo cơ cấu hợp lý; kết hợp giao lưu với các điển hình tiên tiến, có minh họa bằng hình ảnh, video clip, phóng sự (nếu có điều kiện). Nên lựa chọn những tập thể, cá nhân có những mô hình mới, sáng tạo trong các lĩnh vực sản xuất, công tác, đời sống.",
        "Số lượng báo cáo: Tùy thuộc vào thời gian tổ chức Hội nghị bảo đảm chất lượng, lựa chọn các báo cáo thực sự điển hình, có sức thuyết phục, nêu gương, giáo dục; bảo đảm tính đại diện các lĩnh vực, các thành phần.",
        "Trong chương trình Hội nghị có thể tổ chức một số nội dung, như: Đại biểu thiếu nhi chào mừng, biểu diễn văn nghệ, trao tặng các hình thức khen thưởng và giao lưu với các điển hình tiên tiến.",
    ],
    "backdrop": [
        "ĐƠN VỊ CẤP TRÊN",
        "TÊN ĐƠN VỊ",
        "HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN",
        "Giai đoạn {review_period}",
        "....., ngày.....tháng năm {conference_year}",
    ],
    "delegate_selection": [
        "Tùy theo điều kiện và địa điểm tổ chức Hội nghị đề các cấp, các ngành quyết định số lượng đại biểu dự Hội nghị nhưng phải bảo đảm thành phần, cơ cấu đại biểu nêu ở phần trên.",
        "Số lượng đại biểu dự Hội nghị điển hình tiên tiến cấp xã, cấp huyện và {congress} do đơn vị cấp trên cơ sở phân bổ số lượng.",
    ],
    "awards": [
        "Đối tượng khen thưởng là các tập thể, cá nhân điển hình tiên tiến tiêu biểu trong các phong trào thi đua ở cơ sở và các cơ quan, đơn vị, địa phương thuộc huyện giai đoạn {review_period}.",
        "Cấp nào tổ chức Hội nghị điển hình tiên tiến thì cấp đó xem xét và quyết định khen thưởng theo thẩm quyền cho các tập thể, cá nhân điển hình tiên tiến tiêu biểu.",
    ],
    "awards_note": [
        "Lưu ý: Chú trọng khen thưởng những tập thể nhỏ và cá nhân có thành tích xuất sắc trong lao động, công tác, trong hoạt động vì cộng đồng, hiệu quả sản xuất kinh doanh cao... hoặc những sáng kiến, phát minh có giá trị, mang lại hiệu quả thiết thực và nhiều lợi ích cho xã hội, cộng đồng.",
    ],
    "closing": "Trên đây là Kế hoạch tổ chức Hội nghị điển hình tiên tiến các cấp, tiến tới {congress}. Trong quá trình tổ chức thực hiện, nếu có vướng mắc, các cơ quan, đơn vị, địa phương phản ánh về {receiver} để xem xét, giải quyết./.",
}

COMMUNE_KINDS = ["commune", "ward", "township", "special_zone"]
DISTRICT_KINDS = ["rural_district", "urban_district", "district_town", "provincial_city"]


def category_rules(level, basis):
    return [
        {
            "level": level,
            "order": 1,
            "feature": "category",
            "value": "honoree",
            "min_value": "0.7",
            "max_value": "0.7",
            "unit": "share",
            "tolerance": "0",
            "label": "đại biểu điển hình tiên tiến",
            "legal_basis": basis,
        },
        {
            "level": level,
            "order": 2,
            "feature": "category",
            "value": "guest|leader",
            "min_value": "0.3",
            "max_value": "0.3",
            "unit": "share",
            "tolerance": "0",
            "label": "đại biểu khách mời và lãnh đạo các cấp, các ngành",
            "legal_basis": basis,
        },
    ]


def emphasis_rules(level, basis):
    """The plan's "chú trọng" (emphasis): no figure in the seed; an organizer may set one."""
    rows = [
        (
            "direct_producer",
            "true",
            "cá nhân trực tiếp sản xuất, công tác, học tập, chiến đấu",
            "share",
        ),
        ("gender", "female", "đại biểu nữ", "share"),
        ("economic_sector", "*", "đại biểu đại diện các thành phần kinh tế", "count"),
    ]
    return [
        {
            "level": level,
            "order": 3 + index,
            "feature": feature,
            "value": value,
            "min_value": None,
            "max_value": None,
            "unit": unit,
            "tolerance": "0",
            "label": label,
            "legal_basis": basis,
        }
        for index, (feature, value, label, unit) in enumerate(rows)
    ]


KIM_BANG_2024 = {
    "name": "Kế hoạch tổ chức Hội nghị điển hình tiên tiến các cấp, tiến tới Đại hội Thi đua yêu nước tỉnh Hà Nam lần thứ XII",
    "summary": "Tổ chức Hội nghị điển hình tiên tiến các cấp, tiến tới {congress}",
    "basis_number": "2056/KH-UBND",
    "basis_date": "2024-10-10",
    "basis_issuer": "Ủy ban nhân dân tỉnh",
    "basis_summary": "về tổ chức Hội nghị điển hình tiên tiến các cấp, tiến tới {congress}",
    "previous_period_start": 2015,
    "previous_period_end": 2020,
    "review_period_start": 2021,
    "review_period_end": 2025,
    "direction_period_start": 2025,
    "direction_period_end": 2030,
    "congress_name": "Đại hội Thi đua yêu nước tỉnh Hà Nam",
    "congress_ordinal": 12,
    "national_congress_name": "Đại hội Thi đua yêu nước toàn quốc",
    "national_congress_ordinal": 11,
    "plan_deadline": "2024-12-16",
    "plan_deadline_mode": "before",
    "plan_receiver": "Ủy ban nhân dân huyện (qua Phòng Nội vụ)",
    "reminder_days": [7, 1],
    "budget_source": "Do ngân sách địa phương đảm bảo.",
    "issuing_body": "ỦY BAN NHÂN DÂN HUYỆN KIM BẢNG",
    "superior_body": "",
    "place": "Kim Bảng",
    "signer_authority": "TM. ỦY BAN NHÂN DÂN",
    "signer_title": "CHỦ TỊCH",
    "signer_name": "Nguyễn Thành Thăng",
    "recipients": [
        "Sở Nội vụ;",
        "TTHU, HĐND huyện,",
        "Lãnh đạo UBND huyện;",
        "Các cơ quan Đảng, các hội, đoàn thể;",
        "Các cơ quan, đơn vị thuộc huyện;",
        "Các cơ quan ngành tỉnh quản lý;",
        "Các doanh nghiệp nhà nước;",
        "UBND các xã, thị trấn;",
        "Lưu: VT, NV.",
    ],
    "agenda": AGENDA,
    "narrative": NARRATIVE,
    "level_rules": [
        {
            "level": "commune",
            "order": 1,
            "holds_conference": True,
            "unit_kinds": COMMUNE_KINDS,
            "conference_name": "Hội nghị tuyên dương điển hình tiên tiến",
            "window_start": "2025-01-01",
            "window_end": "2025-03-31",
            "window_label": "Quý I năm 2025",
            "sessions": 1,
            "composition_text": "Đại biểu khách mời; đại diện lãnh đạo các cấp, các ngành; đại diện tập thể và cá nhân Anh hùng, Chiến sĩ thi đua, các gương điển hình tiên tiến tiêu biểu xuất sắc, các điển hình tiên tiến là công nhân, nông dân, người trực tiếp sản xuất, công tác, gương người tốt, việc tốt",
            "staff_threshold": 300,
            "at_threshold": "organizer_choice",
            "delegate_cap": 200,
            "max_delegates": None,
            "quota_from_above": False,
            "report_due_days": 15,
            "legal_basis": "Kế hoạch, mục II.2.1 (cấp xã)",
        },
        {
            "level": "district",
            "order": 2,
            "holds_conference": True,
            "unit_kinds": DISTRICT_KINDS,
            "conference_name": "Hội nghị điển hình tiên tiến",
            "window_start": "2025-04-01",
            "window_end": "2025-06-30",
            "window_label": "Quý II năm 2025",
            "sessions": 1,
            "composition_text": "Đại biểu khách mời; đại diện lãnh đạo các cấp, các ngành; đại diện tập thể và cá nhân Anh hùng, Chiến sĩ thi đua, các gương điển hình tiên tiến, tiêu biểu có thành tích xuất sắc trong sản xuất, công tác, các điển hình tiên tiến trong giai đoạn {review_period} (lựa chọn theo sự phân bổ đại biểu của cấp trên); chú trọng lựa chọn cá nhân trực tiếp sản xuất, công tác, học tập, chiến đấu, đại biểu nữ, đại biểu đại diện các thành phần kinh tế",
            "staff_threshold": None,
            "at_threshold": "organizer_choice",
            "delegate_cap": None,
            "max_delegates": 300,
            "quota_from_above": True,
            "report_due_days": 15,
            "legal_basis": "Kế hoạch, mục II.2.2 (cấp huyện)",
        },
    ],
    "composition_rules": category_rules("commune", "Kế hoạch, mục II.2.1")
    + category_rules("district", "Kế hoạch, mục II.2.2")
    + emphasis_rules("district", "Kế hoạch, mục II.2.2"),
    "tasks": [
        {
            "order": 1,
            "body": "Ủy ban nhân dân các xã, thị trấn",
            "items": [
                "Căn cứ vào kế hoạch này, xây dựng kế hoạch và triển khai thực hiện nghiêm túc và gửi bản Kế hoạch về {receiver} {deadline};",
                "Tổ chức tốt Hội nghị điển hình tiên tiến, báo cáo kết quả về {receiver} theo đúng kế hoạch đã đề ra.",
                "Tiếp tục phát động các phong trào thi đua yêu nước phấn đấu hoàn thành vượt mức, toàn diện các chỉ tiêu kinh tế - xã hội, an ninh - quốc phòng năm 2024 và kế hoạch 5 năm (2020 -2025), hoàn thành tốt các nhiệm vụ chính trị được giao lập thành tích cao nhất chào mừng Đại hội Đảng các cấp, {congress}.",
            ],
        },
        {
            "order": 2,
            "body": "Phòng Nội vụ",
            "items": [
                "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan tham mưu Ủy ban nhân dân huyện tổ chức Hội nghị điển hình tiên tiến, giai đoạn {review_period}",
                "Phối hợp với các đơn vị có liên quan tổ chức tốt công tác tuyên truyền các phong trào thi đua yêu nước, các gương điển hình tiên tiến tiêu biểu trên các lĩnh vực để tạo sức lan toả trong toàn xã hội.",
            ],
        },
        {
            "order": 3,
            "body": "Đề nghị Ủy ban MTTQ Việt Nam, các tổ chức chính trị - xã hội",
            "items": [
                "Phối hợp chặt chẽ với chính quyền các cấp, phát huy sức mạnh khối đại đoàn kết toàn dân trong việc vận động cán bộ, công chức, viên chức, người lao động và các tầng lớp Nhân dân tích cực hưởng ứng và thực hiện phong trào thi đua lập thành tích chào mừng Hội nghị điển hình tiên tiến các cấp, {congress} tiến tới {national_congress} năm 2025.",
            ],
        },
        {
            "order": 4,
            "body": "Phòng Văn hóa- thông tin, Trung tâm Văn hóa, thông tin và thể thao",
            "items": [
                "Tổ chức tốt công tác tuyên truyền các phong trào thi đua yêu nước, các gương điển hình tiên tiến tiêu biểu trên các lĩnh vực.",
                "Mở chuyên đề, chuyên trang, chuyên mục, xây dựng phóng sự tuyên truyền về Đại hội Thi đua yêu nước và Hội nghị điển hình tiên tiến các cấp tạo không khí thi đua sôi nổi khắp trong toàn huyện.",
            ],
        },
    ],
}


def two_levels():
    """After 1/7/2025: communes report straight to the province (values marked [U])."""
    payload = copy.deepcopy(KIM_BANG_2024)

    def provincial(text):
        return (
            text.replace("của huyện", "của tỉnh")
            .replace("thuộc huyện", "thuộc tỉnh")
            .replace("toàn huyện", "toàn tỉnh")
            .replace("Ủy ban nhân dân huyện", "Ủy ban nhân dân tỉnh")
            .replace("cấp xã, cấp huyện", "cấp xã")
            .replace("của tỉnh, của tỉnh", "của tỉnh")
        )

    narrative = payload["narrative"]
    for key, value in list(narrative.items()):
        if isinstance(value, str):
            narrative[key] = provincial(value)
        elif key != "report_outline":
            narrative[key] = [provincial(line) for line in value]
    narrative["intro"] = "Ủy ban nhân dân tỉnh xây dựng Kế hoạch như sau:"
    payload.update(
        {
            "name": "Kế hoạch tổ chức Hội nghị điển hình tiên tiến cấp xã, tiến tới Đại hội Thi đua yêu nước cấp tỉnh lần thứ I",
            "basis_number": "",
            "basis_date": None,
            "basis_issuer": "",
            "basis_summary": "",
            "review_period_start": 2020,
            "congress_name": "Đại hội Thi đua yêu nước tỉnh",
            "congress_ordinal": 1,
            "plan_deadline": "2025-07-15",
            "plan_deadline_mode": "by",
            "plan_receiver": "Ủy ban nhân dân tỉnh (qua Sở Nội vụ)",
            "issuing_body": "",
            "place": "",
            "signer_name": "",
            "recipients": [
                "Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương);",
                "Thường trực Tỉnh ủy, HĐND tỉnh;",
                "Lãnh đạo UBND tỉnh;",
                "Các sở, ban, ngành, đoàn thể tỉnh;",
                "UBND các xã, phường, đặc khu;",
                "Lưu: VT, SNV.",
            ],
            "level_rules": [
                {
                    **KIM_BANG_2024["level_rules"][0],
                    "unit_kinds": ["commune", "ward", "special_zone"],
                    "conference_name": "Hội nghị điển hình tiên tiến",
                    "window_start": "2025-07-01",
                    "window_end": "2025-08-31",
                    "window_label": "tháng 7 và tháng 8 năm 2025",
                    "composition_text": KIM_BANG_2024["level_rules"][1]["composition_text"],
                    "quota_from_above": True,
                    "report_due_days": 10,
                    "legal_basis": "Mẫu 2 cấp (sau ngày 01/7/2025)",
                },
                {
                    **KIM_BANG_2024["level_rules"][1],
                    "level": "province",
                    "unit_kinds": ["province", "central_city"],
                    "conference_name": "Đại hội Thi đua yêu nước",
                    "window_start": "2025-09-01",
                    "window_end": "2025-09-30",
                    "window_label": "tháng 9 năm 2025",
                    "max_delegates": None,
                    "legal_basis": "Mẫu 2 cấp (sau ngày 01/7/2025)",
                },
            ],
            "composition_rules": category_rules("commune", "Mẫu 2 cấp")
            + emphasis_rules("commune", "Mẫu 2 cấp")
            + category_rules("province", "Mẫu 2 cấp")
            + emphasis_rules("province", "Mẫu 2 cấp"),
            "tasks": [
                {
                    "order": 1,
                    "body": "Ủy ban nhân dân các xã, phường, đặc khu",
                    "items": [provincial(line) for line in KIM_BANG_2024["tasks"][0]["items"]],
                },
                {
                    "order": 2,
                    "body": "Sở Nội vụ",
                    "items": [provincial(line) for line in KIM_BANG_2024["tasks"][1]["items"]],
                },
                {
                    "order": 3,
                    **{k: v for k, v in KIM_BANG_2024["tasks"][2].items() if k != "order"},
                },
                {
                    "order": 4,
                    "body": "Sở Văn hóa, Thể thao và Du lịch, Báo và Phát thanh, Truyền hình tỉnh",
                    "items": [provincial(line) for line in KIM_BANG_2024["tasks"][3]["items"]],
                },
            ],
        }
    )
    payload["narrative"]["backdrop"] = NARRATIVE["backdrop"]
    return payload


def add_presets(apps, schema_editor):
    preset = apps.get_model("campaigns", "CampaignPreset")
    preset.objects.update_or_create(
        code="kim-bang-2024",
        defaults={
            "name": "Kim Bảng 2024 (3 cấp)",
            "description": "Đúng các giá trị của Kế hoạch huyện Kim Bảng năm 2024 (căn cứ Kế hoạch số 2056/KH-UBND ngày 10/10/2024 của UBND tỉnh Hà Nam): hội nghị cấp xã Quý I/2025, cấp huyện Quý II/2025, cơ cấu 70/30, gửi kế hoạch trước ngày 16/12/2024.",
            "payload": KIM_BANG_2024,
            "order": 1,
        },
    )
    preset.objects.update_or_create(
        code="two-levels-2025",
        defaults={
            "name": "2 cấp (sau ngày 01/7/2025)",
            "description": "Chính quyền địa phương 2 cấp: các xã, phường, đặc khu báo cáo thẳng về tỉnh. Thời gian, số liệu mang tính minh họa, cần điều chỉnh theo kế hoạch của tỉnh.",
            "payload": two_levels(),
            "order": 2,
        },
    )


def remove_presets(apps, schema_editor):
    apps.get_model("campaigns", "CampaignPreset").objects.filter(
        code__in=["kim-bang-2024", "two-levels-2025"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0001_initial")]

    operations = [migrations.RunPython(add_presets, remove_presets)]
